package io.labrunner.emulator.bedrock;

import io.labrunner.emulator.AwsException;
import io.labrunner.emulator.AwsRequest;
import io.labrunner.emulator.AwsResponse;

/** The runtime operations of text models: Converse, ConverseStream, InvokeModel and InvokeModelWithResponseStream. */
final class TextInvoker {

    AwsResponse handle(String action, FoundationModel model, AwsRequest request) {
        throw AwsException.notImplemented("bedrock", action + " for " + model.id());
    }
}
