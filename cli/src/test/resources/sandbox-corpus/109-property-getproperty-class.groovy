// class: property
// source: original
// expect: escape
def c = 'x'.getProperty('class')
c.forName('java.lang.Runtime').runtime.exec('touch @MARKER@').waitFor()
