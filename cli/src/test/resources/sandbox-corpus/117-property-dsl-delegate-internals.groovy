// class: property
// source: original
// expect: escape
// A block's delegate is a host object: walk from it to the class loader.
machines('lab') {
    delegate.class.classLoader.loadClass('java.lang.Runtime').runtime.exec('touch @MARKER@').waitFor()
}
