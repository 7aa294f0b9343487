sigmoid = Sigmoid()
y = sigmoid.forward(x)  #@ call:Sigmoid.forward fills-cache
dx = sigmoid.backward(dout)  #@ call:Sigmoid.backward  #: code.siggraph.collapse
