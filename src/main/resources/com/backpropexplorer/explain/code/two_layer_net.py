import numpy as np
from collections import OrderedDict
from common.gradient import numerical_gradient
from common.layers import Affine, ${Act}, SoftmaxWithLoss


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, weight_init_std=0.01):
        #: code.net.params
        self.params = {}
        self.params['W1'] = weight_init_std * np.random.randn(input_size, hidden_size)
        self.params['b1'] = np.zeros(hidden_size)
        self.params['W2'] = weight_init_std * np.random.randn(hidden_size, output_size)
        self.params['b2'] = np.zeros(output_size)

        #: code.net.layers
        self.layers = OrderedDict()
        self.layers['Affine1'] = Affine(self.params['W1'], self.params['b1'])
        self.layers['${ActLayer}'] = ${Act}()
        self.layers['Affine2'] = Affine(self.params['W2'], self.params['b2'])
        self.lastLayer = SoftmaxWithLoss()

    def predict(self, x):
        for layer in self.layers.values():
            x = layer.forward(x)  #@ call:Affine.forward call:Relu.forward call:Sigmoid.forward  #: code.net.predict.loop
        return x

    def loss(self, x, t):
        y = self.predict(x)  #@ call:TwoLayerNet.predict
        return self.lastLayer.forward(y, t)  #@ call:SoftmaxWithLoss.forward

    def numerical_gradient(self, x, t):
        loss_W = lambda W: self.loss(x, t)  #@ numgrad:lambda  #: code.net.numgrad.lambda
        grads = {}
        grads['W1'] = numerical_gradient(loss_W, self.params['W1'])  #@ numgrad:call:W1
        grads['b1'] = numerical_gradient(loss_W, self.params['b1'])  #@ numgrad:call:b1
        grads['W2'] = numerical_gradient(loss_W, self.params['W2'])  #@ numgrad:call:W2
        grads['b2'] = numerical_gradient(loss_W, self.params['b2'])  #@ numgrad:call:b2
        return grads

    def gradient(self, x, t):
        #: code.net.gradient.forward
        self.loss(x, t)  #@ call:TwoLayerNet.loss fills-cache

        #: code.net.gradient.backward
        dout = 1
        dout = self.lastLayer.backward(dout)  #@ call:SoftmaxWithLoss.backward
        for layer in reversed(list(self.layers.values())):
            dout = layer.backward(dout)  #@ call:Affine.backward call:Relu.backward call:Sigmoid.backward

        grads = {}
        grads['W1'] = self.layers['Affine1'].dW
        grads['b1'] = self.layers['Affine1'].db
        grads['W2'] = self.layers['Affine2'].dW
        grads['b2'] = self.layers['Affine2'].db
        return grads
