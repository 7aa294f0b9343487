apple = ${apple}
apple_num = ${apple_num}
tax = ${tax}

mul_apple_layer = MulLayer()
mul_tax_layer = MulLayer()

#: code.shop.forward
apple_price = mul_apple_layer.forward(apple, apple_num)  #@ call:mul_apple_layer.forward
price = mul_tax_layer.forward(apple_price, tax)  #@ call:mul_tax_layer.forward fills-cache

#: code.shop.backward
dprice = 1
dapple_price, dtax = mul_tax_layer.backward(dprice)  #@ call:mul_tax_layer.backward
dapple, dapple_num = mul_apple_layer.backward(dapple_price)  #@ call:mul_apple_layer.backward
