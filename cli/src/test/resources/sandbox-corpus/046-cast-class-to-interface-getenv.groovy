// class: cast
// source: Jenkins SECURITY-566 / SECURITY-1353 (a Class coerced to an interface calls its static methods)
// expect: env
interface EnvReader { String getenv(String name); String getProperty(String name) }
def sys = Class.forName('java.lang.System') as EnvReader
def v = sys.getenv('@ENV_NAME@') + sys.getProperty('@SYSPROP@')
vmwareSite("leak-${v}") { network 'VM Network' }
