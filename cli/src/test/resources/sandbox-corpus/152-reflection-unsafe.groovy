// class: reflection
// source: original
// expect: escape
def f = Class.forName('sun.misc.Unsafe').getDeclaredField('theUnsafe')
f.setAccessible(true)
def unsafe = f.get(null)
def pb = unsafe.allocateInstance(ProcessBuilder)
