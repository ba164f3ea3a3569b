// class: compile-time
// source: original
// expect: read
class Holder { @Lazy File f = ['@CANARY_READ@'] }
vmwareSite("leak-${new Holder().f.text}") { network 'VM Network' }
