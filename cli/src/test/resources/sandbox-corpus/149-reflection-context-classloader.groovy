// class: reflection
// source: original
// expect: escape
def cl = Thread.currentThread().contextClassLoader
cl.loadClass('java.lang.ProcessBuilder').getConstructor(String[]).newInstance(['touch', '@MARKER@'] as String[]).start().waitFor()
