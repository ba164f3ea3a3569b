// class: metaclass
// source: examples/broken/sandbox/metaclass.groovy
// expect: escape
String.metaClass.toString = { -> 'pwned' }
'x'.metaClass.execute = { -> 'pwned' }
