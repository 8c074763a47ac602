const { greeting } = require('./greeting');

console.log(greeting(require('fs').readFileSync(0, 'utf8').trim()));
