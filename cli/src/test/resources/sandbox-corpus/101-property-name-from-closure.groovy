// class: property
// source: Jenkins SECURITY-1538 (property names computed in expressions)
// expect: escape
def c = 'x'.({ 'cla' + 'ss' }())
c.forName('java.lang.Runtime').getRuntime().exec('touch @MARKER@').waitFor()
