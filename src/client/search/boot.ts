/**
 * The only search code every page loads (a few hundred bytes): `/` and Ctrl/Cmd-K go to the search box, and the
 * search itself (Pagefind, the result list) is fetched only once the reader types there. An article reached from
 * a search result (`?mark=…`) loads the small module that marks the searched words in the passage.
 */
const headerInput = document.getElementById('site-search-q') as HTMLInputElement | null;
const searchBox = (): HTMLInputElement | null => (document.getElementById('search-q') as HTMLInputElement | null) ?? headerInput;

document.addEventListener('keydown', (event) => {
  const target = event.target instanceof Element ? event.target : null;
  const typing = target?.closest('input, textarea, select, [contenteditable]:not([contenteditable="false"])');
  const commandK = event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey;
  const slash = event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey;
  if (!commandK && !slash) return;
  const box = searchBox();
  if (!box) return;
  event.preventDefault();
  box.focus();
  box.select();
});

if (headerInput) {
  const start = (): void => {
    headerInput.removeEventListener('input', start);
    void import('./header-search.ts').then((m) => m.attachHeaderSearch(headerInput));
  };
  headerInput.addEventListener('input', start);
}

if (new URLSearchParams(window.location.search).has('mark')) void import('../search-mark.ts');
