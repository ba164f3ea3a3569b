// class: other
// source: original
// expect: escape
System.setSecurityManager(null)
