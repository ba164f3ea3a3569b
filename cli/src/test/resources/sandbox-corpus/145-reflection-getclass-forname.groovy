// class: reflection
// source: examples/broken/sandbox/reflection.groovy
// expect: escape
def loader = 'x'.getClass().classLoader
def runtime = Class.forName('java.lang.Runtime')
runtime.getRuntime().exec('touch @MARKER@').waitFor()
