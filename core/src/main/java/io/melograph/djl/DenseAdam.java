package io.melograph.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * Adam (Kingma &amp; Ba 2015; β₁ 0.9, β₂ 0.999, ε 1e-8, bias-corrected step size as in DJL's {@code Adam}) over dense
 * parameter arrays that {@code setRequiresGradient(true)}, written with public NDArray operations.
 *
 * <p>Why not {@code Optimizer.adam()}: DJL 0.36's optimizers {@code detach()} their moment arrays, so closing the
 * model's manager does not free them: every fit leaked twice the parameters' size of native memory (measured: RSS
 * +12 MB per BPR fit on Last.fm). Here the moments belong to the parameters' manager and die with it.
 *
 * <p>Per step: {@link #attachTo} the step's sub-manager first, so that everything the step computes from parameters
 * or moments lands in that sub-manager (DJL attaches a result to its first operand's manager) and the arrays return
 * to their own manager when it closes; then record gradients, then {@link #update}.
 */
public final class DenseAdam {
    static final float BETA1 = 0.9f;
    static final float BETA2 = 0.999f;
    static final float EPSILON = 1e-8f;

    private final float learningRate;
    private final NDArray[] parameters;
    private final NDArray[] means;
    private final NDArray[] variances;
    private int steps;

    public DenseAdam(float learningRate, NDArray... parameters) {
        this.learningRate = learningRate;
        this.parameters = parameters.clone();
        this.means = new NDArray[parameters.length];
        this.variances = new NDArray[parameters.length];
        for (int k = 0; k < parameters.length; k++) {
            means[k] = parameters[k].zerosLike();
            variances[k] = parameters[k].zerosLike();
        }
    }

    /** Temporarily attaches parameters and moments to a step's sub-manager; they return when it closes. */
    public void attachTo(NDManager step) {
        for (int k = 0; k < parameters.length; k++) {
            parameters[k].tempAttach(step);
            means[k].tempAttach(step);
            variances[k].tempAttach(step);
        }
    }

    /** The bias-corrected step size of Adam's step number {@code steps} (from 1). */
    static float stepSize(float learningRate, int steps) {
        return (float) (learningRate * Math.sqrt(1 - Math.pow(BETA2, steps)) / (1 - Math.pow(BETA1, steps)));
    }

    /** One Adam step from the recorded gradients, which it then zeroes (PyTorch accumulates them otherwise). */
    public void update() {
        steps++;
        float stepSize = stepSize(learningRate, steps);
        for (int k = 0; k < parameters.length; k++) {
            NDArray gradient = parameters[k].getGradient();
            means[k].muli(BETA1).addi(gradient.mul(1 - BETA1));
            variances[k].muli(BETA2).addi(gradient.square().muli(1 - BETA2));
            NDArray delta = means[k].div(variances[k].sqrt().addi(EPSILON)).muli(stepSize);
            // through a detached view (shares storage): an in-place change of a leaf that requires gradients
            // is refused when the thread's grad mode is on, which DJL only switches off on the thread that
            // started the engine
            parameters[k].stopGradient().subi(delta);
            gradient.muli(0f);
        }
    }
}
