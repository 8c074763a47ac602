exports.greeting = (name) => `Hello, ${name}!`;
