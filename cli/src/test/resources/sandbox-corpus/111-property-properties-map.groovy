// class: property
// source: original
// expect: escape
def c = 'x'.properties['class']
c.forName('java.lang.Runtime').runtime.exec('touch @MARKER@').waitFor()
