import numpy as np
from common.layers import MatMul, SoftmaxWithLoss


class simpleNet:
    def __init__(self):
        self.W = np.random.randn(2, 3)  #: code.simple.W
        self.matmul = MatMul(self.W)  #: code.simple.matmul
        self.lastLayer = SoftmaxWithLoss()

    def predict(self, x):
        return self.matmul.forward(x)  #@ call:MatMul.forward  #: code.simple.predict

    def loss(self, x, t):
        z = self.predict(x)  #@ call:simpleNet.predict
        return self.lastLayer.forward(z, t)  #@ call:SoftmaxWithLoss.forward

    def gradient(self, x, t):
        #: code.simple.gradient
        self.loss(x, t)  #@ call:simpleNet.loss fills-cache
        dout = self.lastLayer.backward(1)  #@ call:SoftmaxWithLoss.backward
        self.matmul.backward(dout)  #@ call:MatMul.backward
        return self.matmul.dW


x = np.array([[0.6, 0.9]])
t = np.array([[0, 0, 1]])
net = simpleNet()
optimizer = SGD(lr=learning_rate)

dW = net.gradient(x, t)  #@ call:simpleNet.gradient
optimizer.update({'W': net.W}, {'W': dW})  #@ call:SGD.update  #: code.train.update
