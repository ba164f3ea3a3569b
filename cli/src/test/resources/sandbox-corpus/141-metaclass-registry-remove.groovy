// class: metaclass
// source: original
// expect: escape
GroovySystem.metaClassRegistry.removeMetaClass(String)
GroovySystem.metaClassRegistry.setMetaClass(String, new ExpandoMetaClass(String, true, true))
