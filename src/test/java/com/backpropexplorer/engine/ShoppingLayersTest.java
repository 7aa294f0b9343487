package com.backpropexplorer.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** MulLayer and AddLayer as the book runs them in buy_apple.py and buy_apple_orange.py (§5.4). */
class ShoppingLayersTest {

    @Test
    void buyAppleGivesTheBooksNumbers() {
        MulLayer mulApple = new MulLayer("mul_apple_layer");
        MulLayer mulTax = new MulLayer("mul_tax_layer");
        double applePrice = mulApple.forward(100, 2);
        double price = mulTax.forward(applePrice, 1.1);
        assertEquals(220, price, 1e-9);
        ScalarGradients tax = mulTax.backward(1);
        ScalarGradients apple = mulApple.backward(tax.dx());
        assertEquals(2.2, apple.dx(), 1e-9);
        assertEquals(110, apple.dy(), 1e-9);
        assertEquals(200, tax.dy(), 1e-9);
    }

    @Test
    void buyAppleOrangeGivesTheBooksNumbers() {
        MulLayer mulApple = new MulLayer("mul_apple_layer");
        MulLayer mulOrange = new MulLayer("mul_orange_layer");
        AddLayer add = new AddLayer("add_apple_orange_layer");
        MulLayer mulTax = new MulLayer("mul_tax_layer");
        double price = mulTax.forward(add.forward(mulApple.forward(100, 2), mulOrange.forward(150, 3)), 1.1);
        assertEquals(715, price, 1e-9);
        ScalarGradients tax = mulTax.backward(1);
        ScalarGradients sum = add.backward(tax.dx());
        ScalarGradients orange = mulOrange.backward(sum.dy());
        ScalarGradients apple = mulApple.backward(sum.dx());
        assertEquals(110, apple.dy(), 1e-9);
        assertEquals(2.2, apple.dx(), 1e-9);
        assertEquals(3.3, orange.dx(), 1e-9);
        assertEquals(165, orange.dy(), 1e-9);
        assertEquals(650, tax.dy(), 1e-9);
    }

    @Test
    void mulLayerBackwardBeforeForwardNamesItsEmptyCache() {
        EmptyCacheException e = assertThrows(EmptyCacheException.class, () -> new MulLayer("mul_tax_layer").backward(1));
        assertEquals("mul_tax_layer", e.layer());
        assertTrue(e.getMessage().contains("x and y"), e.getMessage());
        assertTrue(new MulLayer("m").cache().isEmpty());
        // AddLayer keeps nothing: its backward works without a forward
        assertEquals(new ScalarGradients(3, 3), new AddLayer("a").backward(3));
    }
}
