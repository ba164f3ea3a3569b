// class: compile-time
// source: Jenkins SECURITY-1318 (@GrabExclude)
// expect: escape
@GrabExclude(group = 'org.mortbay.jetty', module = 'jetty-util')
def x = 1
