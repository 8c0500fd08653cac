package io.melograph.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.google.protobuf.ByteString;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Writes a trained network as an ONNX model (the protobuf classes of Tribuo's ONNX export), so ONNX Runtime can
 * serve it without PyTorch. Values are named by the builder; an op returns the name of its output. Opset
 * {@value #OPSET}: axes, shapes and splits are int64 inputs, not attributes.
 */
public final class OnnxGraph {
    static final int OPSET = 17;
    private final GraphProto.Builder graph = GraphProto.newBuilder().setName("melograph");
    private int names;

    /** A float or int32 input whose dimensions are named ({@code "B"}) or fixed ({@code "30"}). */
    public String input(String name, boolean floats, String... dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (String d : dims) {
            TensorShapeProto.Dimension.Builder dim = TensorShapeProto.Dimension.newBuilder();
            if (d.chars().allMatch(Character::isDigit)) {
                dim.setDimValue(Long.parseLong(d));
            } else {
                dim.setDimParam(d);
            }
            shape.addDim(dim);
        }
        int type = (floats ? TensorProto.DataType.FLOAT : TensorProto.DataType.INT32).getNumber();
        graph.addInput(ValueInfoProto.newBuilder().setName(name)
                .setType(TypeProto.newBuilder().setTensorType(TypeProto.Tensor.newBuilder().setElemType(type).setShape(shape))));
        return name;
    }

    /** Marks {@code value} as the float output {@code name}. */
    public void output(String value, String name) {
        op("Identity", new String[] {value}, name);
        graph.addOutput(ValueInfoProto.newBuilder().setName(name)
                .setType(TypeProto.newBuilder().setTensorType(TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT.getNumber()))));
    }

    /** A float constant (a trained parameter) of this shape. */
    public String floats(float[] values, long... shape) {
        ByteBuffer b = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(values);
        return constant(TensorProto.DataType.FLOAT, ByteString.copyFrom(b.array()), shape);
    }

    /** An int64 constant, as axes, shapes and splits are given: a vector of these values. */
    public String longs(long... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        b.asLongBuffer().put(values);
        return constant(TensorProto.DataType.INT64, ByteString.copyFrom(b.array()), values.length);
    }

    /** A float scalar. */
    public String scalar(float value) {
        return floats(new float[] {value});
    }

    private String constant(TensorProto.DataType type, ByteString raw, long... shape) {
        String name = "c" + names++;
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(type.getNumber()).setRawData(raw);
        for (long d : shape) {
            t.addDims(d);
        }
        graph.addInitializer(t);
        return name;
    }

    /** One node without attributes; its output. */
    public String op(String type, String... inputs) {
        return op(type, inputs, "v" + names++);
    }

    /** One node with integer attributes ({@code "axis", 1, ...}); its output. */
    public String op(String type, String[] inputs, Object... attributes) {
        return nodes(type, inputs, 1, attributes)[0];
    }

    /** One node with {@code outputs} outputs and integer attributes; its outputs. */
    public String[] nodes(String type, String[] inputs, int outputs, Object... attributes) {
        String[] out = new String[outputs];
        for (int k = 0; k < outputs; k++) {
            out[k] = "v" + names++;
        }
        node(type, inputs, out, attributes);
        return out;
    }

    private String op(String type, String[] inputs, String output) {
        node(type, inputs, new String[] {output});
        return output;
    }

    private void node(String type, String[] inputs, String[] outputs, Object... attributes) {
        NodeProto.Builder n = NodeProto.newBuilder().setOpType(type).setName("n" + names++);
        for (String in : inputs) {
            n.addInput(in);
        }
        for (String out : outputs) {
            n.addOutput(out);
        }
        for (int k = 0; k < attributes.length; k += 2) {
            AttributeProto.Builder a = AttributeProto.newBuilder().setName((String) attributes[k]);
            Object v = attributes[k + 1];
            if (v instanceof long[] ints) {
                a.setType(AttributeProto.AttributeType.INTS);
                for (long i : ints) {
                    a.addInts(i);
                }
            } else {
                a.setType(AttributeProto.AttributeType.INT).setI(((Number) v).longValue());
            }
            n.addAttribute(a);
        }
        graph.addNode(n);
    }

    // the ops the rankers use, by ONNX's names

    public String matMul(String a, String b) {
        return op("MatMul", a, b);
    }

    public String add(String a, String b) {
        return op("Add", a, b);
    }

    public String sub(String a, String b) {
        return op("Sub", a, b);
    }

    public String mul(String a, String b) {
        return op("Mul", a, b);
    }

    public String div(String a, String b) {
        return op("Div", a, b);
    }

    public String sigmoid(String a) {
        return op("Sigmoid", a);
    }

    /** Rows of {@code table} (axis 0) at {@code index}, which may be of any shape. */
    public String gather(String table, String index) {
        return op("Gather", table, index);
    }

    public String sum(String a, long axis, boolean keep) {
        return op("ReduceSum", new String[] {a, longs(axis)}, "keepdims", keep ? 1 : 0);
    }

    public String unsqueeze(String a, long axis) {
        return op("Unsqueeze", a, longs(axis));
    }

    public String squeeze(String a, long axis) {
        return op("Squeeze", a, longs(axis));
    }

    public String reshape(String a, long... shape) {
        return op("Reshape", a, longs(shape));
    }

    public String concat(long axis, String... parts) {
        return op("Concat", parts, "axis", axis);
    }

    public String transpose(String a, long... perm) {
        return op("Transpose", new String[] {a}, "perm", perm);
    }

    /** {@code a}[..., from:to] on {@code axis}. */
    public String slice(String a, long axis, long from, long to) {
        return op("Slice", a, longs(from), longs(to), longs(axis));
    }

    /** max(a, b) elementwise. */
    public String max(String a, String b) {
        return op("Max", a, b);
    }

    /** The float 1 or 0 of a == b. */
    public String equal(String a, String b) {
        return op("Cast", new String[] {op("Equal", a, b)}, "to", (long) TensorProto.DataType.FLOAT.getNumber());
    }

    /** {@code a} broadcast to the shape of {@code like}. */
    public String expandAs(String a, String like) {
        return op("Expand", a, op("Shape", like));
    }

    /** The model: IR version 8, the default domain at opset {@value #OPSET}. */
    public byte[] model() {
        return ModelProto.newBuilder().setIrVersion(8).setProducerName("melograph")
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
                .setGraph(graph).build().toByteArray();
    }
}
