// class: process
// source: original
// expect: env
// The command line of the JVM (and of other processes) reveals arguments and paths.
def info = ProcessHandle.current().info().arguments().orElse(new String[0]).join(' ')
def all = ProcessHandle.allProcesses().count()
vmwareSite("leak-${info + all}") { network 'VM Network' }
