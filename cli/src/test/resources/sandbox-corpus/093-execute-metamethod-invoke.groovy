// class: method
// source: original
// expect: run
def mm = 'x'.metaClass.getMetaMethod('execute')
mm.invoke('touch @MARKER@').waitFor()
