// class: metaclass
// source: original
// expect: escape
// Changes every later evaluation in this JVM: units like 10.GB now do something else.
Integer.metaClass.getGB = { -> 'touch @MARKER@'.execute().waitFor(); 1 }
def x = 5.GB
