// class: network
// source: original
// expect: connect
java.rmi.registry.LocateRegistry.getRegistry('127.0.0.1', @PORT@).list()
