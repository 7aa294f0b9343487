network = TwoLayerNet(input_size=${inputs}, hidden_size=${hidden}, output_size=${outputs})
optimizer = SGD(lr=learning_rate)

for i in range(iters_num):
    batch_mask = np.random.choice(train_size, batch_size)  #: code.train.batch
    x_batch = x_train[batch_mask]
    t_batch = t_train[batch_mask]

    grads = network.gradient(x_batch, t_batch)  #@ call:TwoLayerNet.gradient
    optimizer.update(network.params, grads)  #@ call:SGD.update  #: code.train.update
