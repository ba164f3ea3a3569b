// class: property
// source: SandboxSpec "the script class"
// expect: escape
def loader = this.class.classLoader
loader.loadClass('java.lang.Runtime').getRuntime().exec('touch @MARKER@').waitFor()
