// Changes how every String behaves through the metaclass.
String.metaClass.toString = { -> 'pwned' }
'x'.metaClass.execute = { -> 'pwned' }
