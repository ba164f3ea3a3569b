// class: process
// source: original (JNA is on the class path)
// expect: run
def system = com.sun.jna.NativeLibrary.getInstance('c').getFunction('system')
system.invokeInt(['touch @MARKER@'] as Object[])
