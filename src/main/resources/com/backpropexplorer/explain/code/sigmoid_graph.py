import numpy as np


class SigmoidGraph:
    #: code.siggraph.about
    def forward(self, x):
        self.a = -x  #@ body:mul.forward  #: code.siggraph.mul
        self.b = np.exp(self.a)  #@ body:exp.forward
        self.c = 1 + self.b  #@ body:add.forward
        self.out = 1 / self.c  #@ body:div.forward
        return self.out  #@ body:div.forward

    def backward(self, dout):
        dc = dout * (-self.out ** 2)  #@ body:div.backward reads-cache  #: code.siggraph.div
        db = dc * 1  #@ body:add.backward  #: code.siggraph.add
        da = db * self.b  #@ body:exp.backward  #: code.siggraph.exp
        dx = da * -1  #@ body:mul.backward  #: code.siggraph.mulback
        return dx  #@ body:mul.backward


sigmoid = SigmoidGraph()
y = sigmoid.forward(x)  #@ call:SigmoidGraph.forward fills-cache
dx = sigmoid.backward(dout)  #@ call:SigmoidGraph.backward  #: code.siggraph.collapse
