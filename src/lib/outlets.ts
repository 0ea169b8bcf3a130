/** How an outlet's facts are shown, kept out of the components so they can be tested. */

/** What an outlet's `country` says when no source establishes it (see content/outlets/). */
export const NOT_ESTABLISHED = 'Not established';

/** The country to print beside an outlet's name, or undefined when it is not established. */
export function knownCountry(country: string): string | undefined {
  return country.startsWith(NOT_ESTABLISHED) ? undefined : country;
}
