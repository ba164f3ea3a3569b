// class: metaclass
// source: original
// expect: escape
ExpandoMetaClass.enableGlobally()
Object.metaClass.pwned = { -> 'touch @MARKER@'.execute().waitFor() }
1.pwned()
