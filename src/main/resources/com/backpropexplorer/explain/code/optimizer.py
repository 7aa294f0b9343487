class SGD:
    def __init__(self, lr=0.1):
        self.lr = lr  #: code.sgd.lr

    def update(self, params, grads):
        for key in params.keys():
            params[key] -= self.lr * grads[key]  #: code.sgd.update
