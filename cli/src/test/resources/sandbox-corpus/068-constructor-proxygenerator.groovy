// class: constructor
// source: original
// expect: read
// Groovy's ProxyGenerator builds a File subclass and calls its constructor itself.
def f = groovy.util.ProxyGenerator.INSTANCE.instantiateAggregateFromBaseClass(File, ['@CANARY_READ@'] as Object[])
def v = f.text
vmwareSite("leak-${v}") { network 'VM Network' }
