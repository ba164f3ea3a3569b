// class: reflection
// source: original
// expect: escape
def pd = this.getClass().getProtectionDomain()
def loader = this.getClass().getClassLoader().getParent()
loader.loadClass('java.lang.Runtime').runtime.exec('touch @MARKER@').waitFor()
