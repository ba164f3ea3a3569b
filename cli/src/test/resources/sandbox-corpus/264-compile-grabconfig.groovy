// class: compile-time
// source: Jenkins SECURITY-1318 (@GrabConfig)
// expect: escape
@GrabConfig(systemClassLoader = true, initContextClassLoader = true)
def x = 1
