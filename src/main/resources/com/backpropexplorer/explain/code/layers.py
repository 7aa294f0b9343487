import numpy as np
from common.functions import softmax, cross_entropy_error


class MatMul:
    #: code.matmul.about
    def __init__(self, W):
        self.W = W
        self.x = None
        self.dW = None

    def forward(self, x):
        self.x = x  #: code.affine.keep
        out = np.dot(x, self.W)
        return out

    def backward(self, dout):
        dx = np.dot(dout, self.W.T)
        self.dW = np.dot(self.x.T, dout)  #@ reads-cache batch-sum
        return dx


class Affine:
    def __init__(self, W, b):
        self.W = W
        self.b = b
        self.x = None  #: code.affine.cache
        self.dW = None
        self.db = None

    def forward(self, x):
        self.x = x  #: code.affine.keep
        out = np.dot(x, self.W) + self.b
        return out

    def backward(self, dout):
        dx = np.dot(dout, self.W.T)
        self.dW = np.dot(self.x.T, dout)  #@ reads-cache batch-sum
        self.db = np.sum(dout, axis=0)  #@ batch-sum  #: code.affine.db
        return dx


class Relu:
    def __init__(self):
        self.mask = None

    def forward(self, x):
        self.mask = (x <= 0)  #: code.relu.mask
        out = np.where(self.mask, 0, x)
        return out

    def backward(self, dout):
        dx = np.where(self.mask, 0, dout)  #@ reads-cache  #: code.relu.backward
        return dx


class Sigmoid:
    def __init__(self):
        self.out = None

    def forward(self, x):
        out = 1 / (1 + np.exp(-x))
        self.out = out  #: code.sigmoid.keep
        return out

    def backward(self, dout):
        dx = dout * (1.0 - self.out) * self.out  #@ reads-cache  #: code.sigmoid.backward
        return dx


class SoftmaxWithLoss:
    def __init__(self):
        self.loss = None
        self.y = None  #: code.softmax.y
        self.t = None  #: code.softmax.t

    def forward(self, x, t):
        self.t = t
        self.y = softmax(x)
        self.loss = cross_entropy_error(self.y, self.t)  #: code.softmax.loss
        return self.loss

    def backward(self, dout=1):
        batch_size = self.t.shape[0]  #@ reads-cache
        dx = dout * (self.y - self.t) / batch_size  #@ one-over-n  #: code.softmax.backward
        return dx
