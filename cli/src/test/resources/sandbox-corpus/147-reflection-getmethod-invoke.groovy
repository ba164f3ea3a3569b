// class: reflection
// source: original
// expect: env
def m = Class.forName('java.lang.System').getMethod('getenv', String)
vmwareSite("leak-${m.invoke(null, '@ENV_NAME@')}") { network 'VM Network' }
