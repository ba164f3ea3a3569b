// class: process
// source: original (jdk.jshell starts another JVM)
// expect: run
def shell = jdk.jshell.JShell.create()
shell.eval('new java.io.File("@MARKER@").createNewFile();')
shell.close()
