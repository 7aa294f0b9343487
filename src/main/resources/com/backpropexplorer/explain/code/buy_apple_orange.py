apple = ${apple}
apple_num = ${apple_num}
orange = ${orange}
orange_num = ${orange_num}
tax = ${tax}

mul_apple_layer = MulLayer()
mul_orange_layer = MulLayer()
add_apple_orange_layer = AddLayer()
mul_tax_layer = MulLayer()

#: code.shop.forward
apple_price = mul_apple_layer.forward(apple, apple_num)  #@ call:mul_apple_layer.forward
orange_price = mul_orange_layer.forward(orange, orange_num)  #@ call:mul_orange_layer.forward
all_price = add_apple_orange_layer.forward(apple_price, orange_price)  #@ call:add_apple_orange_layer.forward
price = mul_tax_layer.forward(all_price, tax)  #@ call:mul_tax_layer.forward fills-cache

#: code.shop.backward
dprice = 1
dall_price, dtax = mul_tax_layer.backward(dprice)  #@ call:mul_tax_layer.backward
dapple_price, dorange_price = add_apple_orange_layer.backward(dall_price)  #@ call:add_apple_orange_layer.backward  #: code.shop.branch
dorange, dorange_num = mul_orange_layer.backward(dorange_price)  #@ call:mul_orange_layer.backward
dapple, dapple_num = mul_apple_layer.backward(dapple_price)  #@ call:mul_apple_layer.backward
