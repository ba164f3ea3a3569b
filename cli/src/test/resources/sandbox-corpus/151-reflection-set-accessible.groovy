// class: reflection
// source: original
// expect: escape
def f = Class.forName('java.lang.Runtime').getDeclaredField('currentRuntime')
f.accessible = true
f.get(null).exec('touch @MARKER@').waitFor()
