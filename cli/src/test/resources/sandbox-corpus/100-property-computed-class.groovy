// class: property
// source: examples/broken/sandbox/computed-name.groovy; SandboxSpec "a class via a subscript"
// expect: escape
def name = 'cl' + 'ass'
def c = 'x'[name]
c.forName('java.lang.Runtime').getRuntime().exec('touch @MARKER@').waitFor()
