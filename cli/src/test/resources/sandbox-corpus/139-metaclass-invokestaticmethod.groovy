// class: metaclass
// source: original
// expect: exit
def mc = GroovySystem.metaClassRegistry.getMetaClass(Class.forName('java.lang.System'))
mc.invokeStaticMethod(Class.forName('java.lang.System'), 'exit', [5] as Object[])
