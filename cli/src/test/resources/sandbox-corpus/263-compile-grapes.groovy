// class: compile-time
// source: Jenkins SECURITY-1318 (@Grapes)
// expect: connect
@Grapes([@Grab(group = 'org.example.siteplan', module = 'nothing', version = '1.0')])
def x = 1
