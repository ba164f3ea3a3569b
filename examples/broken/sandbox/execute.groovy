// Runs a process on the machine that evaluates the definition.
def out = 'cat /etc/passwd'.execute().text
