// class: compile-time
// source: Jenkins SECURITY-1318 / CVE-2019-1003024 (@GrabConfig)
// expect: escape
@GrabConfig(systemClassLoader = true, initContextClassLoader = true)
def x = 1
